package org.clinicalsenate.commons.security;

/** The platform's roles (DESIGN.md §2), as they appear in the token's groups claim. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String SENATE_ADMIN = "senate-admin";
    public static final String SENATE_CHAIR = "senate-chair";
    public static final String MEMBER = "member";
    public static final String REQUESTER = "requester";
    public static final String ASSURANCE_VIEWER = "assurance-viewer";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
