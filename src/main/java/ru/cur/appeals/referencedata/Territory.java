package ru.cur.appeals.referencedata;

public record Territory(String code, String name, String kind, Double lat, Double lon) {}
