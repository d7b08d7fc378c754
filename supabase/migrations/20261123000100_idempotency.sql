-- Idempotent RPCs (client_request_id), shared by both apps.
--
-- An RPC that changes data records (caller, client_request_id) with the RPC's name, a hash of
-- its arguments and its response, in the same transaction as its effect:
--   v_replay := private.idempotency_begin('parky.save_lot', p_client_request_id, <args jsonb>);
--   if v_replay is not null then return v_replay; end if;   -- a retry: the stored response
--   ... the effect ...
--   return private.idempotency_finish('parky.save_lot', p_client_request_id, <response jsonb>);
-- A concurrent duplicate blocks on the first call's uncommitted row, then replays its response
-- (or, if the first rolled back, runs as new). Records are kept 48 hours (pg_cron prunes them).
--
-- Errors: PI400 client_request_id is null; PI409 the id was used with other arguments or by
-- another RPC.
-- Objects: private.idempotency_keys, private.idempotency_caller, private.idempotency_begin, private.idempotency_finish,
--          private.prune_idempotency_keys, cron job private-prune-idempotency-keys.

create table private.idempotency_keys (
  caller_id uuid not null,
  client_request_id uuid not null,
  rpc text not null,
  args_hash text not null,
  response jsonb,
  created_at timestamptz not null default now(),
  constraint idempotency_keys_pkey primary key (caller_id, client_request_id)
);
comment on table private.idempotency_keys is
  'One row per (caller, client_request_id) of an idempotent RPC: its arguments'' hash and its response. Server-only.';
comment on column private.idempotency_keys.caller_id is 'auth.uid() of the caller; the nil uuid for service_role calls without a user.';
create index idempotency_keys_created_at_idx on private.idempotency_keys (created_at);
alter table private.idempotency_keys enable row level security;
revoke all on private.idempotency_keys from anon, authenticated, service_role;
-- No policies: only the security-definer functions below (owned by postgres) touch the table.

-- The key's owner: the signed-in user, or the nil uuid for calls made without one.
create function private.idempotency_caller() returns uuid
language sql stable
set search_path = ''
as $$
  select coalesce((select auth.uid()), '00000000-0000-0000-0000-000000000000'::uuid)
$$;

create function private.idempotency_begin(p_rpc text, p_client_request_id uuid, p_args jsonb)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_caller uuid := private.idempotency_caller();
  v_hash text := pg_catalog.md5(p_rpc || ':' || coalesce(p_args, 'null'::jsonb)::text);
  v_existing private.idempotency_keys;
begin
  if p_client_request_id is null then
    raise exception using errcode = 'PI400', message = 'client_request_id is required',
      hint = 'send a new uuid per user action and the same uuid when retrying it';
  end if;
  insert into private.idempotency_keys (caller_id, client_request_id, rpc, args_hash)
  values (v_caller, p_client_request_id, p_rpc, v_hash)
  on conflict on constraint idempotency_keys_pkey do nothing;
  if found then
    return null;
  end if;
  select * into strict v_existing from private.idempotency_keys
  where caller_id = v_caller and client_request_id = p_client_request_id;
  if v_existing.rpc <> p_rpc or v_existing.args_hash <> v_hash then
    raise exception using errcode = 'PI409',
      message = format('client_request_id %s was already used for another request', p_client_request_id),
      hint = 'use a new client_request_id for a new action';
  end if;
  return coalesce(v_existing.response, '{}'::jsonb) || '{"replayed": true}'::jsonb;
end
$$;
comment on function private.idempotency_begin(text, uuid, jsonb) is
  'Starts an idempotent RPC call: null for a new request, else the stored response marked "replayed". Errors PI400, PI409.';

create function private.idempotency_finish(p_rpc text, p_client_request_id uuid, p_response jsonb)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  update private.idempotency_keys set response = p_response
  where caller_id = private.idempotency_caller() and client_request_id = p_client_request_id and rpc = p_rpc;
  if not found then
    raise exception 'idempotency_finish without idempotency_begin for % %', p_rpc, p_client_request_id;
  end if;
  return p_response;
end
$$;
comment on function private.idempotency_finish(text, uuid, jsonb) is
  'Stores the response of an idempotent RPC call (same transaction as its effect) and returns it.';

create function private.prune_idempotency_keys() returns bigint
language sql volatile
security definer
set search_path = ''
as $$
  with deleted as (
    delete from private.idempotency_keys where created_at < now() - interval '48 hours' returning 1
  )
  select count(*) from deleted
$$;
comment on function private.prune_idempotency_keys() is 'Deletes idempotency records older than 48 hours (pg_cron, hourly).';

grant usage on schema private to authenticated, service_role;
grant execute on function private.idempotency_caller(),
                          private.idempotency_begin(text, uuid, jsonb),
                          private.idempotency_finish(text, uuid, jsonb) to authenticated, service_role;

select cron.schedule('private-prune-idempotency-keys', '7 * * * *', 'select private.prune_idempotency_keys()');
