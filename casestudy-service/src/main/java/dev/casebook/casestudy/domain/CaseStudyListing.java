package dev.casebook.casestudy.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.casebook.casestudy.contract.CaseStudyStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.casebook.platform.paging.Page;
import dev.casebook.platform.paging.PageRequest;
import dev.casebook.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists case studies with filters, PostgreSQL full-text search (ranked) and paging. Each caller
 * lists what they may read: the staff every working copy, an author their own working copies and
 * the published copies of others, everyone else the published copies.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseStudyListing {

    public record Filter(CaseStudyStatus status, String industry, String tag, String tech, String author, String q) {
    }

    @Schema(requiredProperties = {"id", "slug", "title", "status", "tags", "authorId", "updatedAt"})
    public record Summary(UUID id, String slug, String title, CaseStudyStatus status, String industry, List<String> tags,
                          String authorId, Instant updatedAt, Instant publishedAt, String excerpt) {
    }

    /**
     * The state of what a listing lists, from one aggregate over the same rows as its count: how many, the newest
     * change and the newest publish. Any change to a listed case study moves one of them (an edit or a workflow step
     * its updated_at, a publish its published_at, a delete or an unpublish the count), so it names the listing.
     */
    public record ListingVersion(long count, Instant newestUpdate, Instant newestPublish) {
    }

    /** A page and the version of the listing it is a page of. */
    public record Listed(SummaryPage page, ListingVersion version) {
    }

    /** One page of summaries; its schema keeps the name clients know it by. */
    @Schema(name = "Page")
    public static final class SummaryPage extends Page<Summary> {

        @JsonProperty
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Give it back as ?cursor= (with the same filters and sort) for the items after this page's "
                + "last; absent on the last page. Unlike a page number, a cursor is as fast deep in a listing as at its "
                + "start, and case studies added or removed before it do not shift what comes after it.")
        private final String nextCursor;

        SummaryPage(List<Summary> items, PageRequest request, long total, ListingCursor next) {
            super(items, request, total);
            this.nextCursor = next == null ? null : next.token();
        }

        public Optional<String> nextCursor() {
            return Optional.ofNullable(nextCursor);
        }
    }

    private static final String RANK = "ts_rank(search, websearch_to_tsquery('english', :q))";
    private static final int POSITION = 10; // the column of the order's expression, after the summary's
    private static final String COLUMNS = "id, slug, title, status, industry, tags, tech, author_id, updated_at, published_at, "
            + "content ->> 'summary' AS summary, search";
    private static final String PUBLISHED = "SELECT " + COLUMNS + " FROM published_case_study";
    private static final int EXCERPT = 280;

    /**
     * The page {@code paging} names, or with a {@code cursor} (from a previous page's {@code nextCursor}, in this
     * order; the resource checks both) the page after it: then no OFFSET is counted through.
     */
    public Listed list(Caller caller, Filter filter, String sort, PageRequest paging, ListingCursor cursor) {
        Selection selection = select(caller, filter);
        ListingVersion version = versionOf(selection);

        ListingOrder order = order(sort, filter);
        String rows = selection.rows();
        if (cursor != null) {
            rows += (selection.filtered() ? " AND " : " WHERE ") + order.after(cursor, selection.publishedOnly());
        }
        // One row more than the page, to know whether a next one starts after it.
        Query select = Panache.getEntityManager().createNativeQuery(
                "SELECT id, slug, title, status, industry, tags, author_id, updated_at, published_at, summary, "
                        + order.expression() + " AS listing_position FROM " + rows + " ORDER BY " + order.orderBy() + " LIMIT :limit"
                        + (cursor == null ? " OFFSET :offset" : ""));
        selection.parameters().forEach(select::setParameter);
        if (cursor != null) {
            if (cursor.after() != null) {
                select.setParameter("after", cursor.after());
            }
            select.setParameter("afterId", cursor.id().toString());
        } else {
            select.setParameter("offset", paging.offset());
        }
        select.setParameter("limit", paging.size() + 1);
        List<Summary> items = new ArrayList<>();
        ListingCursor next = null;
        Object[] last = null;
        for (Object result : select.getResultList()) {
            if (items.size() == paging.size()) {
                next = new ListingCursor(order.name(), position(last[POSITION]), (UUID) last[0]);
                break;
            }
            last = (Object[]) result;
            items.add(summary(last));
        }
        return new Listed(new SummaryPage(items, paging, version.count(), next), version);
    }

    /** The order a listing with this sort and these filters is in: what a cursor must have been made in. */
    public static String orderName(String sort, Filter filter) {
        return order(sort, filter).name();
    }

    private static ListingOrder order(String sort, Filter filter) {
        return ListingOrder.of(sort, filter.q() != null ? RANK : null);
    }

    /** The version of the listing {@link #list} would page through, without reading a page: for a 304. */
    public ListingVersion versionOf(Caller caller, Filter filter) {
        return versionOf(select(caller, filter));
    }

    /**
     * What a caller's listing with these filters reads: rows of a derived table, its parameters, whether it has a
     * WHERE, and whether it reads published copies only.
     */
    private record Selection(String rows, Map<String, Object> parameters, boolean filtered, boolean publishedOnly) {
    }

    private static Selection select(Caller caller, Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = source(caller, parameters);
        List<String> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.put("status", filter.status().name());
        }
        if (filter.industry() != null) {
            where.add("lower(industry) = lower(:industry)");
            parameters.put("industry", filter.industry());
        }
        if (filter.tag() != null) {
            where.add("tags @> ARRAY[CAST(:tag AS text)]"); // containment, which the GIN index on tags answers
            parameters.put("tag", filter.tag());
        }
        if (filter.tech() != null) {
            // lower_all (migration V6) is what the index is over, so a case-insensitive match is an index lookup
            where.add("lower_all(tech) @> ARRAY[lower(CAST(:tech AS text))]");
            parameters.put("tech", filter.tech());
        }
        if (filter.author() != null) {
            where.add("author_id = :author");
            parameters.put("author", filter.author());
        }
        if (filter.q() != null) {
            where.add("search @@ websearch_to_tsquery('english', :q)");
            parameters.put("q", filter.q());
        }
        String conditions = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return new Selection("(" + from + ") AS visible" + conditions, parameters, !where.isEmpty(), from.equals(PUBLISHED));
    }

    private static ListingVersion versionOf(Selection selection) {
        Query aggregate = Panache.getEntityManager().createNativeQuery(
                "SELECT count(*), max(updated_at), max(published_at) FROM " + selection.rows());
        selection.parameters().forEach(aggregate::setParameter);
        Object[] row = (Object[]) aggregate.getSingleResult();
        return new ListingVersion(((Number) row[0]).longValue(), instant(row[1]), instant(row[2]));
    }

    private static String source(Caller caller, Map<String, Object> parameters) {
        if (caller.isStaff()) {
            return "SELECT " + COLUMNS + " FROM case_study";
        }
        if (!caller.isAnonymous()) {
            parameters.put("me", caller.id());
            return "SELECT " + COLUMNS + " FROM case_study WHERE author_id = :me UNION ALL SELECT " + COLUMNS
                    + " FROM published_case_study WHERE author_id <> :me";
        }
        return PUBLISHED;
    }

    /** A row's value of its order's expression as a cursor holds it: as PostgreSQL reads it back. */
    private static String position(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number rank) {
            return Float.toString(rank.floatValue());
        }
        return instant(value).toString();
    }

    private static Summary summary(Object[] row) {
        String text = (String) row[9];
        String excerpt = text == null || text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1).stripTrailing() + "…";
        return new Summary((UUID) row[0], (String) row[1], (String) row[2], CaseStudyStatus.valueOf((String) row[3]),
                (String) row[4], strings(row[5]), (String) row[6], instant(row[7]), instant(row[8]), excerpt);
    }

    private static List<String> strings(Object value) {
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            return array instanceof Object[] items ? Arrays.stream(items).map(String::valueOf).toList() : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
