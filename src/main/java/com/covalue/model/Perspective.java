package com.covalue.model;

/** Who filled in a snapshot. */
public enum Perspective { CLIENT, SUPPLIER, JOINT }
