"""`carnet-server admin jobs run` started on three nodes at once does each piece of work once (issue 22): every due
space is created once and deleted spaces are deleted once, each with one audit row, and the chain stays whole."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from server.audit.models import AuditEvent
from server.context import ServiceContext
from server.dossiers.models import Dossier, SpaceStatus
from server.dossiers.service import Beneficiary, provision
from tests.support.cluster import Cluster
from tests.support.service import make_nir

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

DUE = 60  # pending spaces past their opposition deadline: the jobs create them
DELETED = 20  # spaces whose holder asked for deletion: the jobs delete them
RUNNERS = 3


def _provision(ctx: ServiceContext, count: int, offset: int) -> list[uuid.UUID]:
    people = [
        Beneficiary(
            nir=make_nir(offset + n),
            carte_vitale_serial=f"{30000000 + offset + n}",
            last_name="Bernard",
            first_names="Léa",
            birth_date=date(1990, 5, 17),
            email=f"lea{offset + n}@example.org",
        )
        for n in range(count)
    ]
    with ctx.sessions() as session:
        provision(session, ctx, people)
        session.commit()
        nirs = [p.nir for p in people]
        return list(session.scalars(select(Dossier.id).where(Dossier.nir.in_(nirs))))


def test_jobs_run_on_three_nodes_at_once_do_each_piece_of_work_once(
    cluster: Cluster, cluster_ctx: ServiceContext
) -> None:
    due = _provision(cluster_ctx, DUE, 5000)
    deleted = _provision(cluster_ctx, DELETED, 6000)
    with cluster_ctx.sessions() as session:
        past = cluster_ctx.now() - timedelta(days=1)
        session.execute(update(Dossier).where(Dossier.id.in_(due)).values(opposition_deadline=past))
        session.execute(update(Dossier).where(Dossier.id.in_(deleted)).values(status=SpaceStatus.DELETION_REQUESTED))
        session.commit()
    # On each node (its own data dir), and one more from the operator's machine: all started together.
    places = [node.data_dir for node in cluster.nodes][:RUNNERS]
    places += [cluster.base / f"operator{n}" for n in range(RUNNERS - len(places))]
    runners = [cluster.cli_async("admin", "jobs", "run", data_dir=place) for place in places]
    reports = []
    for runner in runners:
        out, err = runner.communicate(timeout=300)
        assert runner.returncode == 0, err[-3000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["spaces_created"] for r in reports) == DUE
    assert sum(r["deletions_executed"] for r in reports) == DELETED
    with cluster_ctx.sessions() as session:
        statuses = dict(session.execute(select(Dossier.id, Dossier.status).where(Dossier.id.in_(due + deleted))).all())
        assert {statuses[d] for d in due} == {SpaceStatus.CREATED}
        assert not set(deleted) & set(statuses)  # purged
        per_dossier = session.execute(
            select(AuditEvent.action, AuditEvent.dossier_id, func.count())
            .where(AuditEvent.dossier_id.in_(due + deleted), AuditEvent.action.in_(["space.created", "space.deleted"]))
            .group_by(AuditEvent.action, AuditEvent.dossier_id)
        ).all()
    created = {dossier: n for action, dossier, n in per_dossier if action == "space.created"}
    gone = {dossier: n for action, dossier, n in per_dossier if action == "space.deleted"}
    assert created == dict.fromkeys(due, 1)  # one audit row per space created, whoever created it
    assert gone == dict.fromkeys(deleted, 1)
    verified = cluster.cli("audit", "verify")
    assert verified.returncode == 0, verified.stderr[-2000:]
    # Running them again changes nothing more.
    again = cluster.cli("admin", "jobs", "run")
    assert again.returncode == 0, again.stderr[-2000:]
    report = json.loads(again.stdout.strip().splitlines()[-1])
    assert (report["spaces_created"], report["deletions_executed"]) == (0, 0)
