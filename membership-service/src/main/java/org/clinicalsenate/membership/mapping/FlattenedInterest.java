package org.clinicalsenate.membership.mapping;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mapstruct.Mapping;

/**
 * The contract has a declaration's interest as flat fields; the domain embeds it as {@code interest}.
 * Put on a MapStruct method whose source has an {@code interest}.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Mapping(target = "category", source = "interest.category")
@Mapping(target = "description", source = "interest.description")
@Mapping(target = "counterparty", source = "interest.counterparty")
@Mapping(target = "relationship", source = "interest.relationship")
@Mapping(target = "interestStart", source = "interest.start")
@Mapping(target = "interestEnd", source = "interest.end")
@interface FlattenedInterest {
}
