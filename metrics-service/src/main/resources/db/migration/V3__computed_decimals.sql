-- Improvements are kept as every computed number is (ComputedDecimal): 15 significant digits, half-even, no trailing
-- zeros. Rows saved before kept 34 digits; they get the same precision as new rows, so analytics, tables and events
-- agree. round() takes the decimals to keep: 15 significant digits of 85.88... are 13 decimals.
UPDATE metric_row
SET improvement_percent = trim_scale(round(improvement_percent, (14 - floor(log(abs(improvement_percent))))::int))
WHERE improvement_percent IS NOT NULL AND improvement_percent <> 0;
