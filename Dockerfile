# An image of the course for a class hub: Zero to JupyterHub, or any hub that
# runs containers (DockerSpawner). docs/hub.md says how to build and use it.
#
#   docker build -t conflicting-accounts .
#   docker run -p 8888:8888 conflicting-accounts        # one student, to try it
#
# The course is installed NON-editably in the image's Python, and its notebooks,
# start script and Jupyter settings live in /opt/conflicting-accounts, outside
# the home folder: Zero to JupyterHub mounts each student's persistent volume
# over /home/jovyan, which would hide anything the image put there.
# binder/start (the entrypoint) copies the lessons into ~/workspace at every
# start, never overwriting a student's copy.
#
# Binder does not use this file: it builds from binder/ instead.
FROM python:3.11-slim

# The hub's and the image's JupyterHub must agree: give the hub's version,
# e.g. --build-arg JUPYTERHUB="jupyterhub==5.2.1" for a hub running 5.2.1.
ARG JUPYTERHUB="jupyterhub>=6.1"

ENV COURSE_DIR=/opt/conflicting-accounts \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The user Jupyter's images and Zero to JupyterHub expect: jovyan, uid 1000.
RUN useradd --create-home --uid 1000 --shell /bin/bash jovyan

# What the package build needs (pyproject.toml, README.md, lib/, seeds/), and
# what a student's server needs beside the package (notebooks/, binder/start,
# jupyter-config/, postBuild for the quiet first start).
COPY pyproject.toml README.md postBuild ${COURSE_DIR}/
COPY lib ${COURSE_DIR}/lib
COPY seeds ${COURSE_DIR}/seeds
COPY notebooks ${COURSE_DIR}/notebooks
COPY jupyter-config ${COURSE_DIR}/jupyter-config
COPY binder/start ${COURSE_DIR}/binder/start

# nbgitpuller: for instructors who push course updates with a link (docs/hub.md).
RUN python -m pip install "${COURSE_DIR}" "${JUPYTERHUB}" "nbgitpuller>=1.2" \
 && rm -rf "${COURSE_DIR}/lib" "${COURSE_DIR}/build" \
 && "${COURSE_DIR}/postBuild" \
 && chmod 0755 "${COURSE_DIR}/binder/start"

USER jovyan
ENV HOME=/home/jovyan
WORKDIR /home/jovyan
EXPOSE 8888

# Every start goes through binder/start; a hub's spawner replaces only the
# command (jupyterhub-singleuser), not this entrypoint.
ENTRYPOINT ["/opt/conflicting-accounts/binder/start"]
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
