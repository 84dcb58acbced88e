-- Create enum for user roles
CREATE TYPE user_role AS ENUM ('kinder', 'kindler');

-- Create profiles table that extends the auth.users table
CREATE TABLE IF NOT EXISTS profiles (
    id UUID PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
    role user_role NOT NULL DEFAULT 'kindler',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Create projects table (if not exists)
CREATE TABLE IF NOT EXISTS projects (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    title TEXT NOT NULL,
    description TEXT,
    kindler_id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
    target_amount DECIMAL NOT NULL DEFAULT 0,
    current_amount DECIMAL NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Create kindler_projects junction table for many-to-many relationship
CREATE TABLE kindler_projects (
    kindler_id UUID REFERENCES auth.users(id) ON DELETE CASCADE,
    project_id UUID REFERENCES projects(id) ON DELETE CASCADE,
    joined_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (kindler_id, project_id)
);

-- Add indexes for better query performance
CREATE INDEX idx_projects_kindler_id ON projects(kindler_id);
CREATE INDEX idx_kindler_projects_project_id ON kindler_projects(project_id);
