-- Tasklist's counts kept by the database (TaskCounts). Run once, in one transaction, with the engine's task,
-- identity link and authorization tables locked against writes, by the first start that finds no trigger.

-- Each open task's key: what decides which counts it is in.
create table if not exists tasklist_task_key (
  task_id varchar(64) primary key,
  candidate_groups text[] not null,   -- its candidate groups, sorted
  readers text[] not null,            -- who holds a grant to read this task itself: 'g:group', 'u:user', 'u:*'
  assigned boolean not null,
  tenant_id varchar(64),
  case_task boolean not null
);

-- Tasks per key, as +1 and -1 rows written beside the task's own writes and summed up by compact().
create table if not exists tasklist_task_count (
  candidate_groups text[] not null,
  readers text[] not null,
  assigned boolean not null,
  tenant_id varchar(64),
  case_task boolean not null,
  tasks bigint not null
);

truncate tasklist_task_key, tasklist_task_count;

-- A task's key as its rows are now; no row once the task is gone.
create or replace function tasklist_key_of(task varchar) returns setof tasklist_task_key language sql stable as $$
  select R.ID_,
         array(select distinct I.GROUP_ID_::text from ACT_RU_IDENTITYLINK I
               where I.TASK_ID_ = R.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null order by 1),
         array(select distinct case when A.GROUP_ID_ is not null then 'g:' || A.GROUP_ID_ else 'u:' || A.USER_ID_ end
               from ACT_RU_AUTHORIZATION A
               where A.RESOURCE_ID_ = R.ID_ and A.RESOURCE_TYPE_ = 7 and A.TYPE_ in (0, 1) and A.PERMS_ & 2 = 2
               order by 1),
         R.ASSIGNEE_ is not null, R.TENANT_ID_, R.CASE_EXECUTION_ID_ is not null
  from ACT_RU_TASK R where R.ID_ = task
$$;

-- Reads the task's key anew and moves the task from its old key's count to the new one's. The task's key row is
-- locked first, so that of two transactions changing one task the one committing second reads what the first
-- committed.
create or replace function tasklist_rekey(task varchar) returns void language plpgsql as $$
declare
  was tasklist_task_key%rowtype;
  now_ tasklist_task_key%rowtype;
begin
  if task is null then
    return;
  end if;
  select * into was from tasklist_task_key where task_id = task for update;
  select * into now_ from tasklist_key_of(task);
  if was.task_id is not null and now_.task_id is not null
      and was.candidate_groups = now_.candidate_groups and was.readers = now_.readers
      and was.assigned = now_.assigned and was.tenant_id is not distinct from now_.tenant_id
      and was.case_task = now_.case_task then
    return;
  end if;
  if was.task_id is not null then
    insert into tasklist_task_count values
      (was.candidate_groups, was.readers, was.assigned, was.tenant_id, was.case_task, -1);
  end if;
  if now_.task_id is null then
    delete from tasklist_task_key where task_id = task;
  else
    insert into tasklist_task_key values (now_.*)
      on conflict (task_id) do update set candidate_groups = excluded.candidate_groups, readers = excluded.readers,
        assigned = excluded.assigned, tenant_id = excluded.tenant_id, case_task = excluded.case_task;
    insert into tasklist_task_count values
      (now_.candidate_groups, now_.readers, now_.assigned, now_.tenant_id, now_.case_task, 1);
  end if;
end $$;

create or replace function tasklist_task_changed() returns trigger language plpgsql as $$
begin
  case TG_TABLE_NAME
    when 'act_ru_task' then
      if TG_OP = 'DELETE' then perform tasklist_rekey(OLD.ID_); else perform tasklist_rekey(NEW.ID_); end if;
    when 'act_ru_identitylink' then
      if TG_OP <> 'INSERT' then perform tasklist_rekey(OLD.TASK_ID_); end if;
      if TG_OP <> 'DELETE' then perform tasklist_rekey(NEW.TASK_ID_); end if;
    else
      if TG_OP <> 'INSERT' then perform tasklist_rekey(OLD.RESOURCE_ID_); end if;
      if TG_OP <> 'DELETE' then perform tasklist_rekey(NEW.RESOURCE_ID_); end if;
  end case;
  return null;
end $$;

-- At commit, once the engine has flushed all of a command's rows: the first of a task's triggers writes its new
-- key, the others find it current and write nothing.
create constraint trigger tasklist_count_task_insert after insert on ACT_RU_TASK
  deferrable initially deferred for each row execute function tasklist_task_changed();
create constraint trigger tasklist_count_task_delete after delete on ACT_RU_TASK
  deferrable initially deferred for each row execute function tasklist_task_changed();
create constraint trigger tasklist_count_task_update after update on ACT_RU_TASK
  deferrable initially deferred for each row
  when (OLD.ASSIGNEE_ is distinct from NEW.ASSIGNEE_ or OLD.TENANT_ID_ is distinct from NEW.TENANT_ID_
        or OLD.CASE_EXECUTION_ID_ is distinct from NEW.CASE_EXECUTION_ID_)
  execute function tasklist_task_changed();

create constraint trigger tasklist_count_link_insert after insert on ACT_RU_IDENTITYLINK
  deferrable initially deferred for each row when (NEW.TASK_ID_ is not null)
  execute function tasklist_task_changed();
create constraint trigger tasklist_count_link_delete after delete on ACT_RU_IDENTITYLINK
  deferrable initially deferred for each row when (OLD.TASK_ID_ is not null)
  execute function tasklist_task_changed();
create constraint trigger tasklist_count_link_update after update on ACT_RU_IDENTITYLINK
  deferrable initially deferred for each row when (OLD.TASK_ID_ is not null or NEW.TASK_ID_ is not null)
  execute function tasklist_task_changed();

create constraint trigger tasklist_count_grant_insert after insert on ACT_RU_AUTHORIZATION
  deferrable initially deferred for each row when (NEW.RESOURCE_TYPE_ = 7 and NEW.RESOURCE_ID_ <> '*')
  execute function tasklist_task_changed();
create constraint trigger tasklist_count_grant_delete after delete on ACT_RU_AUTHORIZATION
  deferrable initially deferred for each row when (OLD.RESOURCE_TYPE_ = 7 and OLD.RESOURCE_ID_ <> '*')
  execute function tasklist_task_changed();
create constraint trigger tasklist_count_grant_update after update on ACT_RU_AUTHORIZATION
  deferrable initially deferred for each row
  when ((OLD.RESOURCE_TYPE_ = 7 and OLD.RESOURCE_ID_ <> '*') or (NEW.RESOURCE_TYPE_ = 7 and NEW.RESOURCE_ID_ <> '*'))
  execute function tasklist_task_changed();

-- The tasks open now.
insert into tasklist_task_key select K.* from ACT_RU_TASK R, lateral tasklist_key_of(R.ID_) K;

insert into tasklist_task_count
select candidate_groups, readers, assigned, tenant_id, case_task, count(*)
from tasklist_task_key group by candidate_groups, readers, assigned, tenant_id, case_task;
