package com.covalue.model;

/** The kind of outsourcing a relationship covers. */
public enum ServiceType { IT, BUSINESS_PROCESS, WORKFORCE, TRANSFORMATION, PUBLIC_SERVICE, OTHER }
