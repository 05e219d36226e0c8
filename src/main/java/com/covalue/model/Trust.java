package com.covalue.model;

/** Snapshot facts on mutual trust and confidence (study 4.2.3); null when unknown. */
public record Trust(
        Integer faceToFacePerQuarter,
        Boolean openBook,
        Boolean expectationsDocumented,
        Boolean crisisPlan,
        Boolean recognition,
        Integer socialEventsPerYear,
        Boolean offRecordConversations,
        Boolean supplierAutonomy) {

    public static final Trust UNKNOWN = new Trust(null, null, null, null, null, null, null, null);
}
