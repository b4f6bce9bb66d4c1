package dev.casebook.casestudy.markdown;

/**
 * Compares headings and list labels the way a reader does. Hand-written in one pass over the text, with no
 * regular expression, so that it takes linear time whatever a writer sends.
 */
final class Headings {

    private Headings() {
    }

    /**
     * The form two headings or labels are compared in: lower case, {@code &} read as {@code and}, emphasis marks
     * and a trailing colon dropped, runs of blanks as one space.
     */
    static String key(String text) {
        StringBuilder key = new StringBuilder(text.length());
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '`') {
                continue;
            }
            if (c == '&') {
                key.append(key.isEmpty() || blank ? "and " : " and ");
                blank = true;
            } else if (Character.isWhitespace(c)) {
                if (!key.isEmpty() && !blank) {
                    key.append(' ');
                }
                blank = true;
            } else {
                key.append(Character.toLowerCase(c)); // per character: no locale turns I into ı
                blank = false;
            }
        }
        int end = key.length();
        while (end > 0 && (key.charAt(end - 1) == ' ' || key.charAt(end - 1) == ':')) {
            end--;
        }
        return key.substring(0, end);
    }
}
