package org.streetvoice.kiosk;

import android.app.admin.DeviceAdminReceiver;

// Lets IT make the kiosk the device owner, which lock task mode needs to pin without asking.
public class StallDeviceAdmin extends DeviceAdminReceiver {}
