package dev.casebook.platform.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a listing is asked for: {@code ?page=} counts from 0, {@code ?size=} is 1 to {@value #MAX_SIZE},
 * {@value #DEFAULT_SIZE} when left out. A resource takes it as {@code @Valid @BeanParam PageRequest paging}. The
 * parameters are read as text so that {@code size=abc} is a field error like {@code size=1000}, not a 404.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @WholeNumber(min = 0, message = "must be a whole number, 0 or more")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @WholeNumber(min = 1, max = MAX_SIZE, message = "must be a whole number from 1 to " + MAX_SIZE)
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + MAX_SIZE,
            defaultValue = "" + DEFAULT_SIZE))
    String size;

    /** The page, counted from 0. */
    public int page() {
        return WholeNumber.Check.read(page, 0);
    }

    public int size() {
        return WholeNumber.Check.read(size, DEFAULT_SIZE);
    }

    /** How many items the pages before this one hold. */
    public long offset() {
        return (long) page() * size();
    }
}
