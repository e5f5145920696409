package io.aftercart.intelligence.sentiment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lower-case words of a clause (letters, digits, apostrophes), as aspect terms are matched against them. */
final class ClauseWords {

    private ClauseWords() {
    }

    static List<String> of(String clause) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= clause.length(); i++) {
            boolean wordChar = i < clause.length() && isWordChar(clause.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(clause.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    static boolean isWord(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> isWordChar((char) c));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '’';
    }
}
