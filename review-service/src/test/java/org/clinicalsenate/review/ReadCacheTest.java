package org.clinicalsenate.review;

import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshOrganisation;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.submit;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import org.clinicalsenate.testing.ReadCacheOn;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The list of advice requests is kept (ReadCache) per caller's view, and a new request shows at once. */
@QuarkusTest
@TestProfile(ReadCacheOn.class)
class ReadCacheTest {

    @Test
    void eachCallerIsServedTheirOwnViewOfTheSameListAndANewRequestShowsAtOnce() {
        String senate = freshSenate();
        String first = freshOrganisation();
        String second = freshOrganisation();
        String firstToken = Tokens.requester(first);
        String secondToken = Tokens.requester(second);
        String a = submit(firstToken, body(senate, first, "First organisation's request"));
        String b = submit(secondToken, body(senate, second, "Second organisation's request"));
        String list = "/advice-requests?senate=" + senate;

        as(Tokens.senateAdmin(senate)).get(list).then().statusCode(200).body("items.id", containsInAnyOrder(a, b));
        as(firstToken).get(list).then().statusCode(200).body("items.id", contains(a));
        as(secondToken).get(list).then().statusCode(200).body("items.id", contains(b));
        as(Tokens.senateAdmin("london")).get(list).then().statusCode(200).body("items", empty());

        String c = submit(firstToken, body(senate, first, "First organisation's second request"));
        as(firstToken).get(list).then().body("items.id", containsInAnyOrder(a, c));
        as(Tokens.senateAdmin(senate)).get(list).then().body("items.id", containsInAnyOrder(a, b, c));

        // a kept page keeps its link to the next one
        for (int read = 0; read < 2; read++) {
            as(Tokens.senateAdmin(senate)).get(list + "&limit=1").then().statusCode(200)
                    .header("Link", containsString("rel=\"next\""));
        }
    }
}
