package org.cfpflow.events;

/** An event about one proposal that carries its talk: everything a consumer needs to tell its speakers. */
public interface AboutTalk {

    String proposalId();

    Talk talk();
}
