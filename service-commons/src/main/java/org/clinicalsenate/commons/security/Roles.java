package org.clinicalsenate.commons.security;

/**
 * The platform's roles (docs/architecture.md §5), as they appear in the token's {@code groups} claim, and the
 * roles of the services' own accounts. The contract's {@code x-roles} of each operation names the
 * same strings, and a test in each service checks that the implementing method allows exactly them.
 */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String SENATE_ADMIN = "senate-admin";
    public static final String SENATE_CHAIR = "senate-chair";
    public static final String MEMBER = "member";
    public static final String REQUESTER = "requester";
    public static final String ASSURANCE_VIEWER = "assurance-viewer";

    /** The group of every service account (client credentials). On its own it allows nothing. */
    public static final String SERVICE = "service";

    /**
     * A service account bound to the service that calls: {@code service:<client id>}, given by
     * {@link ServiceAccounts} to a token of the {@code service} group. Operations name the services
     * they serve, so each service gets only what it needs.
     */
    public static final String MEMBERSHIP_SERVICE = "service:membership-service";
    public static final String REVIEW_SERVICE = "service:review-service";
    public static final String NOTIFICATION_SERVICE = "service:notification-service";

    private Roles() {
    }

    /** The role of the service account with this client id. */
    public static String serviceAccount(String clientId) {
        return SERVICE + ":" + clientId;
    }
}
