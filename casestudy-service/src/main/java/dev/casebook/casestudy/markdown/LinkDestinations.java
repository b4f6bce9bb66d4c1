package dev.casebook.casestudy.markdown;

import org.commonmark.renderer.html.UrlSanitizer;

import java.util.Locale;
import java.util.Set;

/**
 * Where a link or an image in a case study may lead: http, https, mailto, or a relative address. Any other scheme
 * ({@code javascript:}, {@code data:}, {@code vbscript:}, …) is dropped, in the Markdown and in the HTML.
 */
public final class LinkDestinations implements UrlSanitizer {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    /** Whether {@code destination}, as a browser reads it, is http(s), mailto or relative. */
    public static boolean safe(String destination) {
        String url = asBrowsersRead(destination);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return true; // no scheme: relative
            }
            if (c == ':') {
                return SCHEMES.contains(url.substring(0, i).toLowerCase(Locale.ROOT));
            }
        }
        return true;
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        return safe(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return safe(url) ? url : "";
    }

    // Browsers drop leading and trailing controls and spaces, and tabs and line breaks anywhere: "java\tscript:".
    private static String asBrowsersRead(String url) {
        StringBuilder read = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                read.append(c);
            }
        }
        int start = 0;
        int end = read.length();
        while (start < end && read.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && read.charAt(end - 1) <= ' ') {
            end--;
        }
        return read.substring(start, end);
    }
}
