-- Every filter and sort of the listing (CaseStudyListing) is answered from an index, so that a page costs the same
-- at a thousand case studies and at a million (issue 15). Sorts end with id, the tiebreak the listing orders by.

-- The technology filter is case-insensitive: an index over the lower-cased entries, which the query asks for.
CREATE FUNCTION lower_all(entries TEXT[]) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(array_agg(lower(entry)), '{}') FROM unnest(entries) AS entry);

CREATE INDEX case_study_tech_keys ON case_study USING GIN (lower_all(tech));
CREATE INDEX published_case_study_tech_keys ON published_case_study USING GIN (lower_all(tech));
DROP INDEX case_study_tech;
DROP INDEX published_case_study_tech;

CREATE INDEX case_study_industry ON case_study (lower(industry));
CREATE INDEX published_case_study_industry ON published_case_study (lower(industry));

-- The default order (newest change first), newest published first, and by title.
CREATE INDEX case_study_by_updated ON case_study (updated_at DESC, id);
DROP INDEX case_study_updated;
CREATE INDEX published_case_study_by_updated ON published_case_study (updated_at DESC, id);
CREATE INDEX published_case_study_by_published ON published_case_study (published_at DESC NULLS LAST, id);
DROP INDEX published_case_study_published;
CREATE INDEX published_case_study_by_title ON published_case_study (lower(title), id);
