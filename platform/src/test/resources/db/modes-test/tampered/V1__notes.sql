CREATE TABLE case_note (id bigint PRIMARY KEY, changed_after_release boolean);
