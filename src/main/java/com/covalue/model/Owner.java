package com.covalue.model;

/** Who should act on a recommendation. */
public enum Owner { CLIENT, SUPPLIER, JOINT }
