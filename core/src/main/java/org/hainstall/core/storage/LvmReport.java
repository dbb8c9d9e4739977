package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.node.Json;
import tools.jackson.databind.JsonNode;

/**
 * LVM's JSON reports, read with {@code --reportformat json --units b --nosuffix}:
 * {@code pvs -o pv_name,vg_name,pv_size}, {@code vgs -o vg_name,vg_size,vg_free,vg_extent_size},
 * {@code lvs -o lv_name,vg_name,lv_size}.
 */
public record LvmReport(List<Pv> pvs, List<Vg> vgs, List<Lv> lvs) {

    public record Pv(String name, String vg, long size) { }

    public record Vg(String name, long size, long free, long extentSize) { }

    public record Lv(String name, String vg, long size) { }

    public LvmReport {
        pvs = List.copyOf(pvs);
        vgs = List.copyOf(vgs);
        lvs = List.copyOf(lvs);
    }

    public static LvmReport empty() {
        return new LvmReport(List.of(), List.of(), List.of());
    }

    public static LvmReport parse(String pvsJson, String vgsJson, String lvsJson) {
        List<Pv> pvs = new ArrayList<>();
        for (JsonNode n : rows(pvsJson, "pvs", "pv")) {
            pvs.add(new Pv(Json.text(n, "pv_name"), emptyToNull(Json.text(n, "vg_name")), Json.number(n, "pv_size")));
        }
        List<Vg> vgs = new ArrayList<>();
        for (JsonNode n : rows(vgsJson, "vgs", "vg")) {
            vgs.add(new Vg(Json.text(n, "vg_name"), Json.number(n, "vg_size"), Json.number(n, "vg_free"),
                    Json.number(n, "vg_extent_size")));
        }
        List<Lv> lvs = new ArrayList<>();
        for (JsonNode n : rows(lvsJson, "lvs", "lv")) {
            lvs.add(new Lv(Json.text(n, "lv_name"), Json.text(n, "vg_name"), Json.number(n, "lv_size")));
        }
        return new LvmReport(pvs, vgs, lvs);
    }

    private static List<JsonNode> rows(String json, String tool, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode report : Json.parse(tool, json).path("report")) {
            for (JsonNode row : report.path(kind)) {
                out.add(row);
            }
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public Optional<Pv> pv(String name) {
        return pvs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Vg> vg(String name) {
        return vgs.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<Lv> lv(String vg, String name) {
        return lvs.stream().filter(l -> l.vg().equals(vg) && l.name().equals(name)).findFirst();
    }
}
