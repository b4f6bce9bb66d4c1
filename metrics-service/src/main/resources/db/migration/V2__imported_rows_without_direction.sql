-- A row imported from Markdown whose writer did not say which way is better keeps its numbers; its author sets
-- the direction later with a PUT, and until then the row has no improvement.
ALTER TABLE metric_row ALTER COLUMN better DROP NOT NULL;
