create schema flow;
create type flow.step_task_record as (flow_slug text, run_id uuid);
alter type flow.step_task_record add attribute task_index integer;
alter type flow.step_task_record alter attribute flow_slug type varchar(100);
alter type flow.step_task_record rename attribute task_index to position;
alter type flow.step_task_record drop attribute if exists nothing_here;
alter type flow.step_task_record drop attribute position, add attribute flow_input jsonb;
create function flow.first_task() returns flow.step_task_record language sql as $$ select null::flow.step_task_record $$;
alter type flow.missing_record add attribute x int;
