package org.clinicalsenate.commons.http;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/** Entity versions as strong ETags, and the If-Match rule: missing is 428, stale is 412. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.IF_MATCH_REQUIRED,
                    "Send the ETag you last read in If-Match so that no one else's change is lost");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.STALE_VERSION,
                "If-Match " + ifMatch.trim() + " does not match the current version " + current
                        + "; read the resource again");
    }
}
