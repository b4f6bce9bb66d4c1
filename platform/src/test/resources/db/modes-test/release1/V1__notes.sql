CREATE TABLE case_note (id bigint PRIMARY KEY);
