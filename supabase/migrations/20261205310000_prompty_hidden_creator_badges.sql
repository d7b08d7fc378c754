-- Prompty: a hidden creator page also hides the creator's badges (security review L4).
--
-- Badges decorate the creator page, so a user with show_creator_page = false keeps them to
-- themselves (and admins), like their profile row and follows (20261205300200). Public magazines
-- stay public with their owner, as public prompts keep their byline.
--
-- Objects: policies user_badges_select_anon, user_badges_select_authenticated (replaced)

drop policy user_badges_select_anon on prompty.user_badges;
drop policy user_badges_select_authenticated on prompty.user_badges;
create policy user_badges_select_anon on prompty.user_badges for select to anon
  using (prompty_private.profile_listed(user_id));
comment on policy user_badges_select_anon on prompty.user_badges is 'Awarded badges of users who show their creator page.';
create policy user_badges_select_authenticated on prompty.user_badges for select to authenticated
  using (user_id = (select auth.uid()) or (select prompty_private.is_admin_user()) or prompty_private.profile_listed(user_id));
comment on policy user_badges_select_authenticated on prompty.user_badges is
  'Awarded badges of users who show their creator page; one''s own; admins all.';
