-- 010: courses, their people, assignments (an assignment with a time window
-- is also a contest), extensions, late days, personal contest starts,
-- clarifications; submissions made for an assignment; problems hidden
-- until published.
--
-- Portable SQL (SQLite and PostgreSQL): INTEGER, TEXT, REAL; CHECK lists
-- instead of enums; no SQLite-only functions. Times are INTEGER UTC
-- seconds; a course's time zone is only for showing and reading them.
-- Points and percentages are INTEGER hundredths (judge/course/points.h),
-- so that sums and penalties are exact.

CREATE TABLE courses (
    id INTEGER PRIMARY KEY,
    short_name TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    term TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT 'UTC',      -- IANA name ("Europe/Amsterdam")
    late_days INTEGER NOT NULL DEFAULT 0 CHECK (late_days >= 0),  -- each student's late-day bank
    created_at INTEGER NOT NULL
);

-- Who is in a course, in which course role (site roles stay on users).
-- A student dropped from the roster keeps the row (on_roster = 0) and
-- their work.
CREATE TABLE course_members (
    course_id INTEGER NOT NULL REFERENCES courses (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('student', 'ta', 'instructor')),
    full_name TEXT NOT NULL DEFAULT '',
    student_number TEXT NOT NULL DEFAULT '',    -- e-mail or student number: what an LMS matches grades on
    section TEXT NOT NULL DEFAULT '',
    on_roster INTEGER NOT NULL DEFAULT 1 CHECK (on_roster IN (0, 1)),
    added_at INTEGER NOT NULL,
    PRIMARY KEY (course_id, user_id)
);
-- "My courses"; a section's members (section extensions).
CREATE INDEX course_members_by_user ON course_members (user_id, course_id);
CREATE INDEX course_members_by_section ON course_members (course_id, section);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses (id),
    short_name TEXT NOT NULL,
    title TEXT NOT NULL,
    opens_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    late_until INTEGER,                         -- NULL: no late window, closed at due_at
    late_kind TEXT NOT NULL DEFAULT 'none' CHECK (late_kind IN ('none', 'penalty', 'days')),
    late_percent INTEGER NOT NULL DEFAULT 0 CHECK (late_percent BETWEEN 0 AND 10000),  -- penalty per unit, hundredths of a percent
    late_unit TEXT NOT NULL DEFAULT 'day' CHECK (late_unit IN ('hour', 'day')),
    late_floor INTEGER NOT NULL DEFAULT 0 CHECK (late_floor BETWEEN 0 AND 10000),      -- hundredths of a percent
    late_max_days INTEGER NOT NULL DEFAULT 0 CHECK (late_max_days >= 0),               -- days: per assignment; 0 no limit
    which_counts TEXT NOT NULL DEFAULT 'best' CHECK (which_counts IN ('best', 'last')),
    feedback TEXT NOT NULL DEFAULT 'full' CHECK (feedback IN ('full', 'samples', 'verdict', 'after-close')),
    contest TEXT NOT NULL DEFAULT 'none' CHECK (contest IN ('none', 'icpc', 'ioi')),
    freeze_minutes INTEGER CHECK (freeze_minutes > 0),  -- the public board stops this long before the end; NULL: none
    unfrozen INTEGER NOT NULL DEFAULT 0 CHECK (unfrozen IN (0, 1)),
    window_minutes INTEGER CHECK (window_minutes > 0),  -- a personal window of this length, started by the participant; NULL: the fixed window
    created_at INTEGER NOT NULL,
    UNIQUE (course_id, short_name),
    CHECK (opens_at <= due_at),
    CHECK (late_until IS NULL OR late_until >= due_at)
);
-- A course's assignments in time order (the course page).
CREATE INDEX assignments_by_course ON assignments (course_id, due_at);

CREATE TABLE assignment_problems (
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,                        -- "A", "B" in a contest; the problem's name otherwise
    points INTEGER NOT NULL CHECK (points >= 0),  -- hundredths of a point
    PRIMARY KEY (assignment_id, problem_id),
    UNIQUE (assignment_id, position)
);
-- Is this problem in an open assignment (visibility)?
CREATE INDEX assignment_problems_by_problem ON assignment_problems (problem_id, assignment_id);

-- A new due time (and late_until) for one student or one section, with
-- why and who granted it. Rows are kept; the newest for the student wins,
-- else the newest for their section.
CREATE TABLE extensions (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    user_id INTEGER REFERENCES users (id),
    section TEXT,
    due_at INTEGER NOT NULL,
    late_until INTEGER,                         -- NULL: the assignment's, but not before due_at
    reason TEXT NOT NULL,
    granted_by INTEGER REFERENCES users (id),   -- NULL: the command line
    granted_at INTEGER NOT NULL,
    CHECK ((user_id IS NULL) <> (section IS NULL)),
    CHECK (late_until IS NULL OR late_until >= due_at)
);
CREATE INDEX extensions_by_assignment ON extensions (assignment_id, id);

-- Late days an assignment holds for a student (late_policy.h: days are
-- spent per assignment); the bank's balance is the course's late_days
-- less the sum over its assignments.
CREATE TABLE late_days_used (
    course_id INTEGER NOT NULL REFERENCES courses (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    days INTEGER NOT NULL CHECK (days >= 0),
    PRIMARY KEY (course_id, user_id, assignment_id)
);

-- When a participant started a personal window (window_minutes).
CREATE TABLE contest_starts (
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    started_at INTEGER NOT NULL,
    PRIMARY KEY (assignment_id, user_id)
);

-- Questions from participants and answers from staff; an announcement is
-- staff's answer without a question. Public ones are shown to everyone in
-- the course (or the assignment), the others to their author only.
CREATE TABLE clarifications (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses (id),
    assignment_id INTEGER REFERENCES assignments (id),  -- NULL: the whole course
    author_id INTEGER NOT NULL REFERENCES users (id),
    question TEXT,                              -- NULL: an announcement
    answer TEXT,                                -- NULL: not answered yet
    answered_by INTEGER REFERENCES users (id),
    public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    asked_at INTEGER NOT NULL,
    answered_at INTEGER
);
CREATE INDEX clarifications_by_course ON clarifications (course_id, id);
CREATE INDEX clarifications_by_author ON clarifications (author_id, id);

-- A submission made for an assignment: its time decides lateness. NULL:
-- practice, outside any assignment.
ALTER TABLE submissions ADD COLUMN assignment_id INTEGER REFERENCES assignments (id);
-- An assignment's gradebook and scoreboard read its submissions by student
-- and problem; partial, so practice submissions take no room in it.
CREATE INDEX submissions_by_assignment ON submissions (assignment_id, user_id, problem_id, id)
    WHERE assignment_id IS NOT NULL;

-- What a fully accepted submission scores on a scoring problem, so that
-- its score becomes a share of the assignment's points. NULL: pass-fail
-- (or imported before 010: a score is then taken as out of 100).
ALTER TABLE problem_versions ADD COLUMN max_score REAL;
