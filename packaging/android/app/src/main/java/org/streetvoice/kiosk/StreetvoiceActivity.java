package org.streetvoice.kiosk;

import android.app.admin.DevicePolicyManager;
import android.content.ComponentName;
import android.content.Context;
import android.os.Bundle;

import org.libsdl.app.SDLActivity;

// The stall kiosk on Android: SDL's activity runs our native code (libstreetvoice-kiosk.so,
// the same kiosk/app as on Linux); this class only pins the app to the screen.
public class StreetvoiceActivity extends SDLActivity {
    @Override
    protected String[] getLibraries() {
        return new String[] {"SDL2", "streetvoice-kiosk"};
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        DevicePolicyManager policy = (DevicePolicyManager) getSystemService(Context.DEVICE_POLICY_SERVICE);
        ComponentName admin = new ComponentName(this, StallDeviceAdmin.class);
        // As device owner (set once by IT, see README.md) the app may allow itself lock task
        // mode: no home, no recent apps, no notifications, until the staff panel unpins it.
        if (policy.isDeviceOwnerApp(getPackageName())) {
            policy.setLockTaskPackages(admin, new String[] {getPackageName()});
        }
    }

    @Override
    protected void onResume() {
        super.onResume();
        startLockTask();  // without device owner Android asks the user first ("screen pinning")
    }

    // Called from native code when staff press "Close the kiosk app" in the staff panel.
    public static void leaveKioskMode() {
        SDLActivity activity = (SDLActivity) getContext();
        activity.runOnUiThread(activity::stopLockTask);
    }
}
