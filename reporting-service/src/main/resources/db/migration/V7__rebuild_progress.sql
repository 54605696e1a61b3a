-- How far the rebuild of a generation has come: of the records the topics held when it began (the sum over every
-- partition of its end offset less its first), how many it has read. Reset when a rebuild starts; kept after it ends.
alter table read_model
    add column rebuild_read  bigint not null default 0 check (rebuild_read >= 0),
    add column rebuild_total bigint not null default 0 check (rebuild_total >= 0);
