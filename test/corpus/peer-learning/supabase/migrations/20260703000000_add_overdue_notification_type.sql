ALTER TYPE public.notification_type ADD VALUE IF NOT EXISTS 'mentorship_reminder';
ALTER TYPE public.notification_type ADD VALUE IF NOT EXISTS 'mentorship_reminder_overdue';
