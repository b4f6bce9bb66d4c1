package dev.casebook.casestudy.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The order a listing is in: one expression over the listed rows, its direction, and id as the tiebreak (always
 * ascending), so that every row has one place. It is also what a {@link ListingCursor} stands in: the condition
 * "after this row" is written from it, in a form whose leading range the order's index answers (migration V6), so
 * that the next page starts where the last one ended instead of counting its way there as an OFFSET does.
 */
public record ListingOrder(String name, String expression, boolean descending, boolean nullable, String type) {

    private static final String RANK_TYPE = "real"; // what ts_rank gives
    private static final ListingOrder NEWEST_CHANGE = new ListingOrder("-updatedAt", "updated_at", true, false, "timestamptz");

    private static final Map<String, ListingOrder> SORTS = Map.of(
            "updatedAt", new ListingOrder("updatedAt", "updated_at", false, false, "timestamptz"),
            "-updatedAt", NEWEST_CHANGE,
            "publishedAt", new ListingOrder("publishedAt", "published_at", false, true, "timestamptz"),
            "-publishedAt", new ListingOrder("-publishedAt", "published_at", true, true, "timestamptz"),
            "title", new ListingOrder("title", "lower(title)", false, false, "text"),
            "-title", new ListingOrder("-title", "lower(title)", true, false, "text"));

    /**
     * The order of a listing asked with {@code sort} (validated by the resource) and, when it searches, ranked by
     * {@code rank} unless a sort is given; by default the newest change first.
     */
    static ListingOrder of(String sort, String rank) {
        if (sort != null) {
            return SORTS.get(sort);
        }
        return rank != null ? new ListingOrder("rank", rank, true, false, RANK_TYPE) : NEWEST_CHANGE;
    }

    public static boolean isSortKey(String sort) {
        return SORTS.containsKey(sort);
    }

    /** The SQL type of the expression an order of this name is by (what a cursor's value is cast to); empty if none. */
    static Optional<String> typeOf(String name) {
        return "rank".equals(name) ? Optional.of(RANK_TYPE) : Optional.ofNullable(SORTS.get(name)).map(ListingOrder::type);
    }

    /** The listing's ORDER BY, id last. Nulls (a working copy's publishedAt) come last either way. */
    String orderBy() {
        return expression + (descending ? " DESC" : " ASC") + (nullable ? " NULLS LAST" : "") + ", id";
    }

    /**
     * The rows after the cursor's, in this order, over the parameters {@code after} and {@code afterId}. The first
     * conjunct of each form is a range on the expression alone, which an index scan can start from; {@code noNulls}
     * says the rows have no null there (published copies always have a publishedAt), so that the range stays one.
     */
    String after(ListingCursor cursor, boolean noNulls) {
        String id = "id > CAST(:afterId AS uuid)";
        if (cursor.after() == null) {
            return "(" + expression + " IS NULL AND " + id + ")"; // only the nulls, which come last, are left
        }
        String value = "CAST(:after AS " + type + ")";
        String beyond = descending ? " < " : " > ";
        String range = expression + (descending ? " <= " : " >= ") + value + " AND (" + expression + beyond + value + " OR " + id + ")";
        return nullable && !noNulls ? "(" + expression + " IS NULL OR (" + range + "))" : "(" + range + ")";
    }
}
