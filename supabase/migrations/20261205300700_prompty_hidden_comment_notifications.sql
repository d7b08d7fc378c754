-- Prompty: a hidden comment's excerpt leaves the inbox too (issue 5 review).
--
-- A comment or reply notification copies the first 200 characters of the comment into
-- notifications.body. When a moderator hides the comment, the recipient could still read that
-- excerpt in their inbox. The recipient's select policy now skips notifications of hidden
-- comments (they come back if the comment is unhidden); deleting the comment deletes them.
--
-- Objects: policy notifications_select_authenticated (replaced)

drop policy notifications_select_authenticated on prompty.notifications;
create policy notifications_select_authenticated on prompty.notifications for select to authenticated
  using (user_id = (select auth.uid())
         and (comment_id is null
              or exists (select 1 from prompty.comments c where c.id = comment_id and c.hidden_at is null)));
comment on policy notifications_select_authenticated on prompty.notifications is
  'Recipients read their notifications, except those of comments a moderator has hidden.';
