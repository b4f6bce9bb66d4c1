ALTER TABLE case_note ADD COLUMN text varchar(200);
