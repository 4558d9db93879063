package org.clinicalsenate.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class AdviceRequestAccessTest {

    private static AdviceRequestAccess requester(String org) {
        return new AdviceRequestAccess(Set.of("requester"), Optional.ofNullable(org), Set.of());
    }

    private static AdviceRequestAccess senateAdmin(String... senates) {
        return new AdviceRequestAccess(Set.of("senate-admin"), Optional.empty(), Set.of(senates));
    }

    private static AdviceRequestAccess chair(String... senates) {
        return new AdviceRequestAccess(Set.of("senate-chair"), Optional.empty(), Set.of(senates));
    }

    private static AdviceRequestAccess only(String role) {
        return new AdviceRequestAccess(Set.of(role), Optional.empty(), Set.of());
    }

    @Test
    void theSponsorsRequestersSeeChangeAndAgreeButOnlyTheRequestersOrganisationSeesTheContact() {
        AdviceRequest request = new AdviceRequest();
        request.senate = "south-east";
        request.requestingOrganisation = "RHM";
        request.sponsor = "QRL";
        AdviceRequestAccess sponsor = requester("QRL");
        assertThat(sponsor.maySee(request)).isTrue();
        assertThatCode(() -> sponsor.requireMayChange(request)).doesNotThrowAnyException();
        assertThatCode(() -> sponsor.requireSpeaksForRequester(request)).doesNotThrowAnyException();
        assertThat(sponsor.maySeeContact(request.senate, request.requestingOrganisation)).isFalse();
        assertThat(requester("RHM").maySeeContact(request.senate, request.requestingOrganisation)).isTrue();

        AdviceRequestAccess other = requester("QMF");
        assertThat(other.maySee(request)).isFalse();
        assertForbidden(() -> other.requireMayChange(request), "Your token does not allow changing this request");
        assertForbidden(() -> senateAdmin("south-east").requireSpeaksForRequester(request),
                "Only a requester of the requesting or the sponsoring organisation may do this");
        // a request without a sponsor is not sponsored by a requester without an organisation
        request.sponsor = null;
        assertThat(requester(null).maySee(request)).isFalse();
    }

    @Test
    void aChairSignsOffForItsOwnSenatesOnly() {
        assertThat(chair("south-east").chairs("south-east")).isTrue();
        assertThat(chair("south-east").chairs("london")).isFalse();
        assertThat(senateAdmin("south-east").chairs("south-east")).isFalse();
    }

    @Test
    void aRequesterSubmitsAndSeesForItsOwnOrganisationOnly() {
        AdviceRequestAccess qrl = requester("QRL");
        assertThatCode(() -> qrl.requireMaySubmit("south-east", "QRL")).doesNotThrowAnyException();
        assertThatCode(() -> qrl.requireMaySubmit("london", "QRL")).doesNotThrowAnyException();
        assertForbidden(() -> qrl.requireMaySubmit("south-east", "QMF"),
                "Your token does not allow submitting for organisation QMF");

        assertThat(qrl.maySee("south-east", "QRL")).isTrue();
        assertThat(qrl.maySee("south-east", "QMF")).isFalse();
        assertThat(qrl.visibility()).isEqualTo(new AdviceRequestAccess.Visibility(false, Set.of("QRL"), Set.of()));
    }

    @Test
    void aRequesterWithoutAnOrganisationClaimHasNoScope() {
        AdviceRequestAccess none = requester(null);
        assertForbidden(() -> none.requireMaySubmit("south-east", "QRL"),
                "Your token does not allow submitting for organisation QRL");
        assertThat(none.maySee("south-east", "QRL")).isFalse();
        assertThat(none.visibility().nothing()).isTrue();
    }

    @Test
    void senateAdminsAndChairsActForTheirSenatesOnly() {
        for (AdviceRequestAccess london : new AdviceRequestAccess[] { senateAdmin("london"), chair("london") }) {
            assertThatCode(() -> london.requireMaySubmit("london", "QMF")).doesNotThrowAnyException();
            assertThatCode(() -> london.requireMaySubmit("london", "QRL")).doesNotThrowAnyException();
            assertForbidden(() -> london.requireMaySubmit("south-east", "QRL"),
                    "Your token does not give access to senate south-east");
            assertThat(london.maySee("london", "QRL")).isTrue();
            assertThat(london.maySee("south-east", "QRL")).isFalse();
            assertThat(london.visibility()).isEqualTo(new AdviceRequestAccess.Visibility(false, Set.of(),
                    Set.of("london")));
        }
        AdviceRequestAccess two = senateAdmin("london", "south-east");
        assertThat(two.maySee("south-east", "QRL")).isTrue();
        assertThat(two.visibility().senates()).containsExactlyInAnyOrder("london", "south-east");
    }

    @Test
    void aPlatformAdminActsForEveryoneAndAnAssuranceViewerOnlyFollowsProgress() {
        AdviceRequestAccess admin = only("platform-admin");
        assertThatCode(() -> admin.requireMaySubmit("wessex", "QRL")).doesNotThrowAnyException();
        assertThat(admin.maySee("wessex", "QRL")).isTrue();
        assertThat(admin.visibility().all()).isTrue();

        AdviceRequestAccess viewer = only("assurance-viewer");
        assertThat(viewer.maySee("wessex", "QRL")).isFalse();
        assertThat(viewer.visibility().nothing()).isTrue();
        assertThat(viewer.progressVisibility().all()).isTrue();
        assertThat(only("senate-admin").progressVisibility().all()).isFalse();
        assertForbidden(() -> viewer.requireMaySubmit("wessex", "QRL"), "Your token does not give access to senate wessex");
    }

    @Test
    void claimsCountOnlyWithTheRoleTheyScope() {
        // a senates claim does not scope a requester, nor an org claim a senate-admin
        AdviceRequestAccess requesterWithSenates = new AdviceRequestAccess(Set.of("requester"), Optional.of("QRL"),
                Set.of("london"));
        assertThat(requesterWithSenates.maySee("london", "QMF")).isFalse();
        assertForbidden(() -> requesterWithSenates.requireMaySubmit("london", "QMF"),
                "Your token does not allow submitting for organisation QMF");
        AdviceRequestAccess adminWithOrg = new AdviceRequestAccess(Set.of("senate-admin"), Optional.of("QRL"),
                Set.of("london"));
        assertThat(adminWithOrg.maySee("south-east", "QRL")).isFalse();
        assertThat(adminWithOrg.visibility().organisations()).isEmpty();

        AdviceRequestAccess member = new AdviceRequestAccess(Set.of("member"), Optional.of("QRL"), Set.of("london"));
        assertThat(member.maySee("london", "QRL")).isFalse();
        assertThat(member.visibility().nothing()).isTrue();
    }

    @Test
    void severalRolesGiveTheUnionOfTheirScopes() {
        AdviceRequestAccess both = new AdviceRequestAccess(Set.of("requester", "senate-chair"), Optional.of("QRL"),
                Set.of("london"));
        assertThatCode(() -> both.requireMaySubmit("south-east", "QRL")).doesNotThrowAnyException();
        assertThatCode(() -> both.requireMaySubmit("london", "QMF")).doesNotThrowAnyException();
        assertForbidden(() -> both.requireMaySubmit("south-east", "QMF"),
                "Your token does not give access to senate south-east");
        assertThat(both.maySee("south-east", "QRL")).isTrue();
        assertThat(both.maySee("london", "QMF")).isTrue();
        assertThat(both.maySee("south-east", "QMF")).isFalse();
        assertThat(both.visibility()).isEqualTo(new AdviceRequestAccess.Visibility(false, Set.of("QRL"),
                Set.of("london")));
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }
}
