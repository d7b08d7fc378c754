-- Opening hours on public holidays: day-7 rows replace the weekday's when a lot has them.
begin;
set search_path = extensions, public;
select plan(6);
select tests.parky_fixture();

-- Lot B: 08:00–22:00 every day (fixture). Give it a holiday schedule: 10:00–17:00.
insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time)
values ('a0000000-0000-0000-0000-00000000000b', 7, '10:00', '17:00');

-- 2026-11-23 (Monday) is 勤労感謝の日; 2026-11-24 is an ordinary Tuesday.
select is(parky_private.lot_day_type('a0000000-0000-0000-0000-00000000000b', '2026-11-23'), 7, 'a holiday is day type 7 for a lot with holiday hours');
select is(parky_private.lot_day_type('a0000000-0000-0000-0000-00000000000a', '2026-11-23'), 1, 'and its weekday for a lot without them');
select is(parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000b', 'Asia/Tokyo', '2026-11-23 09:00+09'), false,
          'closed at 09:00 on the holiday (holiday hours start at 10:00)');
select is(parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000b', 'Asia/Tokyo', '2026-11-23 12:00+09'), true,
          'open at noon on the holiday');
select is(parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000b', 'Asia/Tokyo', '2026-11-24 09:00+09'), true,
          'open at 09:00 the next (ordinary) day');
update parky.parking_lot_hours set is_closed = true where parking_lot_id = 'a0000000-0000-0000-0000-00000000000b' and day_of_week = 7;
select is(parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000b', 'Asia/Tokyo', '2026-11-23 12:00+09'), false,
          'a lot closed on holidays is closed all holiday');

select * from finish();
rollback;
