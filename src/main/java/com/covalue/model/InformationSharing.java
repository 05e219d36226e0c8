package com.covalue.model;

/** How much information the parties share, from least to most. */
public enum InformationSharing { NONE, PARTIAL, FULL }
