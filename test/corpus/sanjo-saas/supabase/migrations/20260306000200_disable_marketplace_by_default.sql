update feature_flags
set default_value = false
where name = 'marketplace_access';
