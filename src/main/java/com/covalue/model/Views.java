package com.covalue.model;

/** Each side's own view of the relationship; a side that did not answer is {@link SideView#UNKNOWN}. */
public record Views(SideView client, SideView supplier) {

    public static final Views UNKNOWN = new Views(SideView.UNKNOWN, SideView.UNKNOWN);

    public Views {
        client = client == null ? SideView.UNKNOWN : client;
        supplier = supplier == null ? SideView.UNKNOWN : supplier;
    }
}
