package com.halopsaconnector.standin;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A help desk's worth of tickets, the same every run (fixed seed) but dated relative to start-up so
 * that a first sync finds open tickets, recently closed ones and closed ones older than its look-back.
 */
final class SampleTickets {

    static final int FIRST_ID = 4001;

    private static final String[] SUMMARIES = {
        "VPN drops every hour", "Mailbox full", "Printer on the 2nd floor is jammed", "New starter: laptop and accounts",
        "Cannot log in to the CRM", "Teams calls keep freezing", "Password reset", "Shared drive not mapping",
        "Outlook asks for the password again and again", "Wi-Fi in the meeting room is slow",
        "Backup job failed overnight", "Replace broken monitor", "Invoice PDF will not open", "Phone handset has no dial tone",
        "Request: access to the finance folder", "Antivirus alert on reception PC", "Website contact form not sending",
        "Leaver: disable accounts", "Update Adobe Reader on all machines", "Scanner saves blank pages",
        "MFA prompt never arrives", "Server room temperature alarm", "Move desk phone to new office",
        "Excel crashes when opening macros", "Certificate on the portal expires soon"};
    private static final String[] CLIENTS = {
        "Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Woodgrove Bank", "Litware", "Adventure Works",
        "Wide World Importers"};
    private static final String[] TEAMS = {"Service Desk", "Network", "Projects", "Second Line"};
    private static final int[] OPEN_STATUSES = {1, 2, 3, 4};
    private static final int CLOSED_STATUS = 9;

    private SampleTickets() {
    }

    static List<SampleTicket> generate(int count, LocalDateTime now) {
        Random random = new Random(42);
        List<SampleTicket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean closed = random.nextInt(10) < 4;
            int ageMinutes = closed ? random.nextInt(90 * 24 * 60) : random.nextInt(20 * 24 * 60);
            LocalDateTime lastUpdate = now.minusMinutes(ageMinutes).withNano(0);
            LocalDateTime occurred = lastUpdate.minusHours(1 + random.nextInt(24 * 14));
            int client = random.nextInt(CLIENTS.length);
            String summary = SUMMARIES[random.nextInt(SUMMARIES.length)];
            tickets.add(new SampleTicket(FIRST_ID + i, summary, summary + " (reported by " + CLIENTS[client] + ")",
                    closed ? CLOSED_STATUS : OPEN_STATUSES[random.nextInt(OPEN_STATUSES.length)], closed,
                    1 + random.nextInt(8), client + 1, CLIENTS[client], TEAMS[random.nextInt(TEAMS.length)],
                    1 + random.nextInt(4), 1 + random.nextInt(3), occurred, lastUpdate));
        }
        return List.copyOf(tickets);
    }
}
