-- Parky: a session starts only on a tariff that can be charged.
--
-- Owners may edit parking_lot_pricing_rules row by row, so a lot's rules can be invalid for a
-- while (the compiled plan in parky_private.lot_tariff_plans then holds the error). A session
-- started on such a snapshot could never be ended (the fee raises at the end), so
-- require_lot_tariff, which start_parking_session uses, now also raises the stored error. The
-- export (get_lot_tariff) keeps returning the rules as they are, so the owner can fix them.
--
-- Objects: parky_private.lot_tariff_rules(uuid) (the former require_lot_tariff),
--          parky_private.require_lot_tariff(uuid) (replaced), parky.get_lot_tariff(uuid) (replaced)
-- Errors: PK102 lot not found, PK201 no tariff, and the tariff's own PK001 / PK004–PK006.

create function parky_private.lot_tariff_rules(p_lot_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_tariff jsonb;
begin
  if not exists (select from parky.parking_lots l where l.id = p_lot_id and l.deleted_at is null) then
    raise exception using errcode = 'PK102', message = 'parking lot not found',
      hint = 'the lot does not exist, is hidden or was removed';
  end if;
  v_tariff := parky_private.lot_tariff(p_lot_id);
  if v_tariff is null then
    raise exception using errcode = 'PK201', message = 'this parking lot has no tariff',
      hint = 'its owner has not published pricing rules yet';
  end if;
  return v_tariff;
end
$$;
comment on function parky_private.lot_tariff_rules(uuid) is
  'The tariff JSON of a lot visible to the caller, valid or not. Errors: PK102 lot not found, PK201 no tariff.';
grant execute on function parky_private.lot_tariff_rules(uuid) to anon, authenticated, service_role;

create or replace function parky_private.require_lot_tariff(p_lot_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_tariff jsonb := parky_private.lot_tariff_rules(p_lot_id);
  v_plan parky_private.lot_tariff_plans := parky_private.lot_plan(p_lot_id);
begin
  if v_plan.error_code is not null then
    raise exception using errcode = v_plan.error_code, message = v_plan.error_message,
      hint = 'this lot''s pricing rules are being edited or are invalid; its owner must fix them';
  end if;
  return v_tariff;
end
$$;
comment on function parky_private.require_lot_tariff(uuid) is
  'The chargeable tariff of a lot visible to the caller. Errors: PK102 lot not found, PK201 no tariff, '
  'PK001/PK004–PK006 the lot''s rules are invalid.';

create or replace function parky.get_lot_tariff(p_lot_id uuid) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select parky_private.lot_tariff_rules(p_lot_id)
$$;
comment on function parky.get_lot_tariff(uuid) is
  'Exports a lot''s tariff as the JSON of pricing.md (the format replace_lot_tariff imports), also while its rules are '
  'invalid. Errors: PK102 lot not found or hidden, PK201 no tariff.';
