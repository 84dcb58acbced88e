alter view public.packages set (security_invoker=false);
alter view public.package_versions set (security_invoker=false);
alter view public.package_upgrades set (security_invoker=false);
