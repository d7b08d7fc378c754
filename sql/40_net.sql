-- Platform layer 40: pg_net's API (pg_net is not packaged by Debian).
-- Same signatures and tables as pg_net: the functions queue a request in
-- net.http_request_queue; the local stack's worker (scripts/net-worker.mjs) sends it and
-- records the answer in net._http_response, as pg_net's background worker does.

create schema if not exists net authorization supabase_admin;
grant usage on schema net to postgres, service_role, supabase_functions_admin;

do $$
begin
  if not exists (select from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
                 where n.nspname = 'net' and t.typname = 'http_method') then
    create type net.http_method as enum ('GET', 'POST', 'DELETE');
  end if;
end
$$;

create unlogged table if not exists net.http_request_queue (
  id bigserial primary key,
  method net.http_method not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds integer not null
);

create unlogged table if not exists net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create index if not exists _http_response_created_idx on net._http_response (created);

grant select, insert, update, delete on net.http_request_queue, net._http_response
  to postgres, service_role, supabase_functions_admin;
grant usage on sequence net.http_request_queue_id_seq to postgres, service_role, supabase_functions_admin;

-- Appends params as a query string, as pg_net does.
create or replace function net._url_with_params(url text, params jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select url || case
    when params is null or params = '{}'::jsonb then ''
    else case when strpos(url, '?') > 0 then '&' else '?' end ||
      (select string_agg(key || '=' || value, '&') from pg_catalog.jsonb_each_text(params))
  end
$$;

create or replace function net._enqueue(method net.http_method, url text, headers jsonb, body bytea, timeout_milliseconds integer)
returns bigint
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  request_id bigint;
begin
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values (method, url, coalesce(headers, '{}'::jsonb), body, timeout_milliseconds)
  returning id into request_id;
  -- Wakes the local worker at commit; it also polls, so a missed notification only delays.
  perform pg_catalog.pg_notify('net_http_request', request_id::text);
  return request_id;
end
$$;

create or replace function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint
language sql volatile
security definer
set search_path = ''
as $$
  select net._enqueue('POST', net._url_with_params(url, params), headers,
                      pg_catalog.convert_to(body::text, 'UTF8'), timeout_milliseconds)
$$;

create or replace function net.http_get(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint
language sql volatile
security definer
set search_path = ''
as $$
  select net._enqueue('GET', net._url_with_params(url, params), headers, null, timeout_milliseconds)
$$;

create or replace function net.http_delete(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint
language sql volatile
security definer
set search_path = ''
as $$
  select net._enqueue('DELETE', net._url_with_params(url, params), headers, null, timeout_milliseconds)
$$;

revoke all on all functions in schema net from public;
grant execute on function net.http_post(text, jsonb, jsonb, jsonb, integer),
                          net.http_get(text, jsonb, jsonb, integer),
                          net.http_delete(text, jsonb, jsonb, integer)
  to postgres, service_role, supabase_functions_admin;
