package com.covalue.model;

/** The research's three categories of practice. */
public enum Kind { PROCESS, TOOL, BEHAVIOUR }
