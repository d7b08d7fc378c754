-- Gamification condition language: every operator and combinator as compiled, missing paths and
-- type mismatches evaluate to false (also under not), and every validation error on save.
begin;
set search_path = extensions, public;
select plan(52);

-- Evaluates a predicate the way the engine does, against declared paths a.n (number), a.s
-- (string), a.b (boolean), a.arr (array).
create function pg_temp.m(p_predicate jsonb, p_metadata jsonb) returns boolean
language sql as $$
  select coalesce(jsonb_path_match(p_metadata,
    ('strict ' || parky_private.gam_compile_predicate(p_predicate,
       '{"a.n": "number", "a.s": "string", "a.b": "boolean", "a.arr": "array"}'))::jsonpath, '{}', true), false)
$$;

-- eq / ne
select ok(pg_temp.m('{"path": "a.s", "op": "eq", "value": "tokyo"}', '{"a": {"s": "tokyo"}}'), 'eq: equal string');
select ok(not pg_temp.m('{"path": "a.s", "op": "eq", "value": "tokyo"}', '{"a": {"s": "osaka"}}'), 'eq: other string');
select ok(pg_temp.m('{"path": "a.b", "op": "eq", "value": true}', '{"a": {"b": true}}'), 'eq: boolean');
select ok(not pg_temp.m('{"path": "a.n", "op": "eq", "value": 75}', '{"a": {"n": "75"}}'), 'eq: the string "75" is not the number 75');
select ok(pg_temp.m('{"path": "a.s", "op": "ne", "value": "tokyo"}', '{"a": {"s": "osaka"}}'), 'ne: different');
select ok(not pg_temp.m('{"path": "a.s", "op": "ne", "value": "tokyo"}', '{"a": {"s": "tokyo"}}'), 'ne: same');
select ok(not pg_temp.m('{"path": "a.s", "op": "ne", "value": "tokyo"}', '{"a": {}}'), 'ne: a missing path is false, not "different"');
-- gt / gte / lt / lte compare numbers as numbers
select ok(not pg_temp.m('{"path": "a.n", "op": "gt", "value": 600}', '{"a": {"n": 75}}'), 'gt: 75 > 600 is false (numeric)');
select ok(pg_temp.m('{"path": "a.n", "op": "gt", "value": 600}', '{"a": {"n": 601}}'), 'gt: 601 > 600');
select ok(not pg_temp.m('{"path": "a.n", "op": "gt", "value": 600}', '{"a": {"n": "75"}}'), 'gt: a string value never compares ("75" > 600 false)');
select ok(pg_temp.m('{"path": "a.n", "op": "gte", "value": 5}', '{"a": {"n": 5}}'), 'gte: equal');
select ok(not pg_temp.m('{"path": "a.n", "op": "gte", "value": 5}', '{"a": {"n": 4.99}}'), 'gte: below');
select ok(pg_temp.m('{"path": "a.n", "op": "lt", "value": 30}', '{"a": {"n": 29}}'), 'lt: below');
select ok(not pg_temp.m('{"path": "a.n", "op": "lt", "value": 30}', '{"a": {"n": 30}}'), 'lt: equal is not less');
select ok(pg_temp.m('{"path": "a.n", "op": "lte", "value": 300}', '{"a": {"n": 300}}'), 'lte: equal');
select ok(not pg_temp.m('{"path": "a.n", "op": "lte", "value": 300}', '{"a": {"n": 301}}'), 'lte: above');
-- in
select ok(pg_temp.m('{"path": "a.n", "op": "in", "value": [1, 2]}', '{"a": {"n": 2}}'), 'in: member');
select ok(not pg_temp.m('{"path": "a.n", "op": "in", "value": [1, 2]}', '{"a": {"n": 3}}'), 'in: not a member');
select ok(not pg_temp.m('{"path": "a.s", "op": "in", "value": ["x"]}', '{"a": {"s": ["x"]}}'), 'in/eq never look inside arrays');
-- exists (two-valued)
select ok(pg_temp.m('{"path": "a.n", "op": "exists"}', '{"a": {"n": 0}}'), 'exists: present');
select ok(not pg_temp.m('{"path": "a.n", "op": "exists"}', '{"a": {}}'), 'exists: missing');
select ok(not pg_temp.m('{"path": "a.n", "op": "exists"}', '{"a": 5}'), 'exists: parent not an object');
select ok(pg_temp.m('{"not": {"path": "a.n", "op": "exists"}}', '{}'), 'not exists: missing is true');
-- contains
select ok(pg_temp.m('{"path": "a.arr", "op": "contains", "value": "ev"}', '{"a": {"arr": ["covered", "ev"]}}'), 'contains: array element');
select ok(not pg_temp.m('{"path": "a.arr", "op": "contains", "value": "ev"}', '{"a": {"arr": ["covered"]}}'), 'contains: absent element');
select ok(not pg_temp.m('{"path": "a.arr", "op": "contains", "value": "ev"}', '{"a": {"arr": "ev"}}'), 'contains: not an array');
select ok(pg_temp.m('{"path": "a.s", "op": "contains", "value": "a.b"}', '{"a": {"s": "xa.by"}}'), 'contains: literal substring');
select ok(not pg_temp.m('{"path": "a.s", "op": "contains", "value": "a.b"}', '{"a": {"s": "xaXby"}}'), 'contains: no regex meaning');
-- all / any / not, and NULL → false under not
select ok(pg_temp.m('{"all": [{"path": "a.n", "op": "gt", "value": 1}, {"path": "a.s", "op": "eq", "value": "x"}]}',
                    '{"a": {"n": 2, "s": "x"}}'), 'all: both true');
select ok(not pg_temp.m('{"all": [{"path": "a.n", "op": "gt", "value": 1}, {"path": "a.s", "op": "eq", "value": "x"}]}',
                        '{"a": {"n": 2, "s": "y"}}'), 'all: one false');
select ok(pg_temp.m('{"any": [{"path": "a.n", "op": "gt", "value": 1}, {"path": "a.s", "op": "eq", "value": "x"}]}',
                    '{"a": {"s": "x"}}'), 'any: one true, one missing');
select ok(not pg_temp.m('{"any": [{"path": "a.n", "op": "gt", "value": 1}, {"path": "a.s", "op": "eq", "value": "x"}]}',
                        '{"a": {"n": 0}}'), 'any: false and missing');
select ok(pg_temp.m('{"not": {"path": "a.s", "op": "eq", "value": "flat"}}', '{"a": {"s": "tower"}}'), 'not: negates');
select ok(not pg_temp.m('{"not": {"path": "a.s", "op": "eq", "value": "flat"}}', '{"a": {}}'), 'not: a missing path stays false');
select ok(not pg_temp.m('{"not": {"path": "a.n", "op": "gt", "value": 600}}', '{"a": {"n": "75"}}'), 'not: a wrong type stays false');

-- Validation on save: clear errors, stable codes, nothing stored
create function pg_temp.badge(p_condition text, p_tiers text default '[{"name": "standard", "threshold": 1}]',
                              p_repeatable boolean default false) returns void
language sql as $$
  insert into parky.badge_definitions (code, name_ja, name_en, condition, tiers, repeatable)
  values ('t_invalid', 'x', 'x', p_condition::jsonb, p_tiers::jsonb, p_repeatable)
$$;
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "where": {"path": "parking.lot.pref", "op": "eq", "value": "x"}, "aggregate": {"fn": "count"}}') $$,
                 'PK311', null, 'unknown path');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end", "review_post"], "where": {"path": "session.amount", "op": "gt", "value": 1}, "aggregate": {"fn": "count"}}') $$,
                 'PK311', null, 'a path one of the activity types lacks');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "where": {"path": "session.amount", "op": "between", "value": 1}, "aggregate": {"fn": "count"}}') $$,
                 'PK312', 'unknown operator between', 'unknown operator');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "where": {"path": "session.amount", "op": "gt", "value": "600"}, "aggregate": {"fn": "count"}}') $$,
                 'PK313', null, 'a string value for a number comparison');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "where": {"path": "parking.lot.city", "op": "gt", "value": 1}, "aggregate": {"fn": "count"}}') $$,
                 'PK313', null, 'gt on a string path');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "where": {"path": "session.gps_verified", "op": "in", "value": []}, "aggregate": {"fn": "count"}}') $$,
                 'PK313', null, 'in with an empty list');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "where": {"all": []}, "aggregate": {"fn": "count"}}') $$,
                 'PK310', null, 'empty all');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["parking_dance"], "aggregate": {"fn": "count"}}') $$,
                 'PK310', null, 'unknown activity type');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "colour": "red"}') $$,
                 'PK310', null, 'unknown key');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "aggregate": {"fn": "median"}}') $$,
                 'PK312', null, 'unknown aggregate');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "year"}}') $$,
                 'PK312', null, 'unknown window');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "aggregate": {"fn": "streak_days"}, "window": {"type": "month"}}') $$,
                 'PK314', null, 'a streak over a calendar window');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "aggregate": {"fn": "count"}}', '[{"name": "a", "threshold": 5}, {"name": "b", "threshold": 5}]') $$,
                 'PK314', null, 'tier thresholds must increase');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "aggregate": {"fn": "count"}}', '[{"name": "standard", "threshold": 1}]', true) $$,
                 'PK314', null, 'a repeatable badge needs a calendar window');
select throws_ok($$ select pg_temp.badge('{"activity_types": ["session_end"], "time_of_day": {"from": "25:00", "to": "05:00"}, "aggregate": {"fn": "count"}}') $$,
                 'PK314', null, 'a bad time of day');
select throws_ok($$ insert into parky.activity_exp_rules (code, activity_type, amount_path) values ('t_bad', 'session_end', 'parking.lot.city') $$,
                 'PK315', null, 'an EXP amount from a non-number path');
select is((select count(*) from parky.badge_definitions where code = 't_invalid'), 0::bigint, 'nothing was saved');

select * from finish();
rollback;
