select 1;
select ÿ;
