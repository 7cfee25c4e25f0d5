package org.gorchestrator.model;

/**
 * Store keys for the numbered members of a group: a workflow's nodes on the state topic, a command's parts in the
 * conductor. A member's key is the group's key, a NUL and the member's number zero-padded to a fixed width, so that
 * a group's members sort by number right after the group's own key, and a range from {@link #first} to
 * {@link #after} holds exactly them. A group's key holds no NUL after which only digits follow (workflow ids hold
 * none at all), so a member's number is what follows its last NUL.
 *
 * @param digits the width members' numbers are padded to; every number a group may hold must fit it
 */
public record NumberedKeys(int digits) {
    private static final char SEPARATOR = '\u0000';
    private static final int MAX_DIGITS = Integer.toString(Integer.MAX_VALUE).length();

    public NumberedKeys {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be 1 to " + MAX_DIGITS + ", not " + digits);
        }
    }

    /** The key of member {@code number} (not negative, at most {@link #digits} digits) of {@code group}. */
    public String key(String group, int number) {
        try {
            return first(group) + SortableNumbers.padded(number, digits);
        } catch (IllegalArgumentException doesNotFit) {
            throw new IllegalArgumentException("member " + doesNotFit.getMessage(), doesNotFit);
        }
    }

    /** A key at or before every member key of {@code group} and after the group's own key (inclusive bound). */
    public static String first(String group) {
        return group + SEPARATOR;
    }

    /** A key just after every member key of {@code group} (inclusive bound: no key equals it). */
    public static String after(String group) {
        return group + (char) (SEPARATOR + 1);
    }

    /** Whether {@code key} names a member of a group rather than a group. */
    public static boolean isMember(String key) {
        return key.indexOf(SEPARATOR) >= 0;
    }

    /** The number of a member key. */
    public static int numberOf(String memberKey) {
        return Integer.parseInt(memberKey, memberKey.lastIndexOf(SEPARATOR) + 1, memberKey.length(), 10);
    }

    /** The leading part of {@code key} before its first NUL: the key itself when it names no member. */
    public static String outermostGroup(String key) {
        int separator = key.indexOf(SEPARATOR);
        return separator < 0 ? key : key.substring(0, separator);
    }
}
