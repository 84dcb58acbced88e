-- profile_avatars

insert into storage.buckets (id, name, public)
values ('profile_avatars', 'profile_avatars', true);
