"""Conversations with parents (oudergesprekken) and the agreements (afspraken) made in them."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import client_uuid_field, one_of, ts_field

CONVERSATION_KINDS = ("intake", "evaluatie", "zorg", "informeel", "huisbezoek")
AGREEMENT_OWNERS = ("ouder", "kinderwerker", "partner")
AGREEMENT_STATUSES = ("open", "gedaan", "vervallen")


class ParentConversation(SQLModel, table=True):
    __tablename__ = "parent_conversation"
    __table_args__ = (one_of("kind", CONVERSATION_KINDS),)
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    author_id: int = Field(foreign_key="staff_user.id", index=True)
    kind: str = Field(max_length=20)
    held_at: datetime = ts_field(index=True)
    place: str = Field(default="", max_length=200)
    topics: str = Field(default="", max_length=400)
    facts: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    interpretation: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    discussed_with_parent: bool = Field(default=True)
    not_discussed_reason: str = Field(default="", max_length=500)
    track_id: int | None = Field(default=None, foreign_key="meldcode_track.id", index=True)
    created_at: datetime = ts_field(default_now=True)


class ConversationChild(SQLModel, table=True):
    __tablename__ = "conversation_child"
    conversation_id: int = Field(foreign_key="parent_conversation.id", primary_key=True)
    child_id: int = Field(foreign_key="child.id", primary_key=True)


class ConversationGuardian(SQLModel, table=True):
    __tablename__ = "conversation_guardian"
    conversation_id: int = Field(foreign_key="parent_conversation.id", primary_key=True)
    guardian_id: int = Field(foreign_key="guardian.id", primary_key=True)


class ConversationGoal(SQLModel, table=True):
    """A leerdoel (goal) of one of the children that a conversation evaluates."""

    __tablename__ = "conversation_goal"
    conversation_id: int = Field(foreign_key="parent_conversation.id", primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", primary_key=True, index=True)


class Agreement(SQLModel, table=True):
    __table_args__ = (one_of("owner_kind", AGREEMENT_OWNERS), one_of("status", AGREEMENT_STATUSES),)
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    conversation_id: int = Field(foreign_key="parent_conversation.id", index=True)
    description: str = Field(max_length=500)
    owner_kind: str = Field(max_length=20)  # ouder / kinderwerker / partner
    owner_name: str = Field(default="", max_length=200)
    owner_staff_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)
    due_date: date = Field(index=True)
    status: str = Field(default="open", max_length=20)
    done_at: datetime | None = ts_field(nullable=True)
    done_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
