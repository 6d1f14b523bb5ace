package org.cfpflow.events;

/**
 * What text may hold, for HTTP requests and event payloads alike: no control characters (so that it is safe in a
 * mail header; multi-line text may keep line breaks and tabs), and only code points XML can carry (so that the
 * schedule exports stay well-formed): no unpaired surrogates, no non-characters.
 */
public final class Text {

    private Text() {
    }

    public static boolean hasControlCharacters(String value, boolean allowLineBreaks) {
        return value.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL
                && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')))
                || c == '\u2028' || c == '\u2029');
    }

    /**
     * Whether XML 1.0 can carry the code point and Unicode assigns it to characters: not a surrogate on its own,
     * not one of the non-characters U+FDD0..U+FDEF and U+xxFFFE, U+xxFFFF. (Control characters are checked apart.)
     */
    public static boolean isCharacter(int codePoint) {
        return !(codePoint >= 0xD800 && codePoint <= 0xDFFF)
                && !(codePoint >= 0xFDD0 && codePoint <= 0xFDEF)
                && (codePoint & 0xFFFE) != 0xFFFE;
    }

    public static boolean hasOnlyCharacters(String value) {
        return value.codePoints().allMatch(Text::isCharacter);
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Text from elsewhere (an SMTP server's answer) made fit for a payload: what it may not hold replaced, cut. */
    public static String clipped(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        value.codePoints().limit(max).forEach(c -> clean.appendCodePoint(
                !isCharacter(c) || (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
                        || c == '\u2028' || c == '\u2029' ? '?' : c));
        return clean.toString();
    }
}
